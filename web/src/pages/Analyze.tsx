// Analyze: paste any Arabic text and see it annotated; nothing is stored.
import { useState } from 'preact/hooks';
import { api, type ApiError, type DocJson } from '../api';
import { Annotated, Legend } from '../components/Annotated';
import { Section } from '../components/common';
import { EventList, RoleList } from '../components/Events';
import { amountValue, TYPE_LABEL, timeValue } from '../format';

export function AnalyzePage() {
  const [text, setText] = useState('');
  const [published, setPublished] = useState('');
  const [result, setResult] = useState<DocJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      setError('أدخل نصا لتحليله.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await api.analyze(text, published || null));
    } catch (err) {
      const { status, message } = err as ApiError;
      setError(status === 0 ? 'تعذر الاتصال بالخادم.' : status === 413 ? 'النص أطول مما يقبله الخادم.' : `تعذر التحليل${message ? ` (${message})` : '.'}`);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="analyze-page">
      <h1>تحليل نص</h1>
      <p class="muted">الصق نصا عربيا لترى الأشخاص والمنظمات والأماكن والتواريخ والمبالغ فيه. لا يُحفظ شيء.</p>
      <form onSubmit={submit} class="analyze-form">
        <label for="text">النص</label>
        <textarea id="text" rows={8} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} dir="auto" maxLength={50000} />
        <div class="row">
          <label for="published">تاريخ النشر (لحل التواريخ النسبية مثل «أمس»)</label>
          <input id="published" type="date" value={published} onInput={(e) => setPublished((e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'جارٍ التحليل…' : 'حلّل'}
        </button>
      </form>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div class="analysis" aria-live="polite">
          <Legend doc={result} />
          <Annotated doc={result} linkEntities={false} />
          {result.roles.length > 0 && (
            <Section title="المناصب">
              <RoleList roles={result.roles} link={false} />
            </Section>
          )}
          {result.events.length > 0 && (
            <Section title="الأحداث">
              <EventList events={result.events} link={false} />
            </Section>
          )}
          <Section title="القيم الموحدة">
            <table class="values">
              <thead>
                <tr>
                  <th>النص</th>
                  <th>النوع</th>
                  <th>القيمة</th>
                </tr>
              </thead>
              <tbody>
                {result.entities.map((e, i) => (
                  <tr key={`e${i}`}>
                    <td><bdi>{e.text}</bdi></td>
                    <td>{TYPE_LABEL[e.type] ?? e.type}</td>
                    <td>{e.canonical ?? e.text}</td>
                  </tr>
                ))}
                {result.times.map((t, i) => (
                  <tr key={`t${i}`}>
                    <td><bdi>{t.text}</bdi></td>
                    <td>زمن</td>
                    <td><bdi dir="ltr">{timeValue(t)}</bdi></td>
                  </tr>
                ))}
                {result.amounts.map((a, i) => (
                  <tr key={`a${i}`}>
                    <td><bdi>{a.text}</bdi></td>
                    <td>مبلغ/عدد</td>
                    <td><bdi dir="ltr">{amountValue(a)}</bdi></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </div>
      )}
    </div>
  );
}
