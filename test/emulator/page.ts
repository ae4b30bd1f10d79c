import { escapeHtml } from './http.ts';

/** Shared HTML shell: the pages are for people (device page, console stand-in) and for DOM-reading tests. */
const STYLE = `
  :root { color-scheme: light; font-family: "Amazon Ember", "Helvetica Neue", Roboto, Arial, sans-serif; }
  body { margin: 0; background: #f2f3f3; color: #16191f; }
  main { max-width: 44rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px;
         box-shadow: 0 1px 4px rgb(0 0 0 / 15%); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  .code { font: 600 2.25rem/1.2 ui-monospace, Menlo, Consolas, monospace; letter-spacing: .15em;
          padding: .75rem 1rem; background: #f2f3f3; border-radius: 6px; display: inline-block; }
  button, .button { font: inherit; font-weight: 600; padding: .55rem 1.4rem; border-radius: 20px; cursor: pointer;
           border: 2px solid #0972d3; background: #fff; color: #0972d3; text-decoration: none; }
  button.primary { background: #ff9900; border-color: #ff9900; color: #16191f; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  .muted { color: #5f6b7a; }
  input { font: inherit; padding: .45rem .6rem; border: 1px solid #8c8c94; border-radius: 6px; }
`;

/** `script`: page script (single-page apps), run at the end of the body as AWS's apps do. */
export function layout(title: string, body: string, head = '', script = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
${head}
<style>${STYLE}</style>
</head>
<body>
${body}
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}

/** A page with a heading and a few paragraphs of plain text. */
export function messagePage(title: string, paragraphs: string[], extra = ''): string {
  const text = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return layout(title, `<main>\n<h1>${escapeHtml(title)}</h1>\n${text}\n${extra}\n</main>`);
}
