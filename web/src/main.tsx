// The Marsad web UI: right-to-left Arabic, a locally bundled Naskh font, four pages routed by URL.
import { render } from 'preact';
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles.css';
import { AnalyzePage } from './pages/Analyze';
import { ArticlePage } from './pages/Article';
import { EntityPage } from './pages/Entity';
import { EntitiesPage } from './pages/Entities';
import { SearchPage } from './pages/Search';
import { Link, useLocation } from './router';

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function Page() {
  const { path, query } = useLocation();
  let m: RegExpExecArray | null;
  if ((m = /^\/article\/([^/]+)\/?$/.exec(path))) return <ArticlePage id={decode(m[1])} />;
  if ((m = /^\/entity\/([^/]+)\/?$/.exec(path))) return <EntityPage id={decode(m[1])} />;
  if (/^\/entities\/?$/.test(path)) return <EntitiesPage query={query} />;
  if (/^\/analyze\/?$/.test(path)) {
    document.title = 'تحليل نص — مرصد';
    return <AnalyzePage />;
  }
  if (path === '/' || path === '/search') {
    const q = (query.get('q') ?? '').trim();
    document.title = q ? `${q.length > 80 ? `${q.slice(0, 80)}…` : q} — بحث مرصد` : 'مرصد — بحث';
    return <SearchPage query={query} />;
  }
  document.title = 'صفحة غير موجودة — مرصد';
  return <p class="status error">الصفحة غير موجودة.</p>;
}

function App() {
  const { path } = useLocation();
  return (
    <>
      <a class="skip" href="#main">
        انتقل إلى المحتوى
      </a>
      <header class="top">
        <Link href="/" class="brand">
          مرصد
        </Link>
        <nav aria-label="التنقل">
          <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
            بحث
          </Link>
          <Link href="/entities" aria-current={path === '/entities' ? 'page' : undefined}>
            الكيانات
          </Link>
          <Link href="/analyze" aria-current={path === '/analyze' ? 'page' : undefined}>
            تحليل نص
          </Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
      <footer class="bottom muted">مرصد — قراءة الأخبار العربية: من، ماذا، متى، وكم.</footer>
    </>
  );
}

render(<App />, document.getElementById('app')!);
