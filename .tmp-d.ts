import { extractTimes } from './src/time/extract.js';
console.log(extractTimes('بعنوان "شبعنا من التمثيل". قبل أن تعود مساء الأربعاء وتصدر بيانا تؤكد فيه أن', '2018-05-10'));
console.log(extractTimes('قبل أن تعود مساء الأربعاء', '2018-05-10'));
