const CODE_IN_TEXT = /\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/;
const CODE = /^[A-Z0-9]{4}-?[A-Z0-9]{4}$/i;

/** The user code AWS put in the link (`?user_code=`), else the first code-shaped text on the page. */
export function findUserCode(url: string, pageText: string): string | null {
  const fromUrl = new URL(url).searchParams.get('user_code');
  if (fromUrl && CODE.test(fromUrl)) return fromUrl.toUpperCase();
  return CODE_IN_TEXT.exec(pageText)?.[1] ?? null;
}
