/**
 * The page a browser gets instead of the app when it is not signed in: how to get in, in Persian and
 * English (the page cannot know the user's language before the engine is reached). No script.
 */
const TEXT = {
  fa: {
    used: 'این نشانی ورود پیش‌تر به کار رفته یا منقضی شده است.',
    how:
      'برای ورود، نشانی‌ای را باز کنید که «منشی» هنگام اجرا چاپ کرده است. هر نشانی یک بار و تا ۱۰ دقیقه کار می‌کند؛ برای نشانی تازه، در پنجرهٔ فرمانی که ' +
      '«منشی» در آن اجرا شده Enter بزنید.',
  },
  en: {
    used: 'This sign-in address has already been used or has expired.',
    how:
      'To sign in, open the address Monshi printed when it started. Each address works once, within 10 minutes; for a new one, press Enter in the ' +
      'terminal where Monshi is running.',
  },
};

export function signInPage(codeRejected: boolean): string {
  const block = (lang: 'fa' | 'en') => {
    const t = TEXT[lang];
    const dir = lang === 'fa' ? 'rtl' : 'ltr';
    return `<section lang="${lang}" dir="${dir}">${codeRejected ? `<p class="error" role="alert">${t.used}</p>` : ''}<p>${t.how}</p></section>`;
  };
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Monshi · منشی</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#222}
h1{font-size:1.4rem}.error{color:#a11}section{margin-block:1.5rem}</style></head>
<body><main class="start-screen" data-testid="start-screen"><h1>منشی · Monshi</h1>${block('fa')}${block('en')}</main></body></html>
`;
}
