// What a shop pastes into its pages: the script tag that loads and mounts the widget, and the call
// that hands it the signed-in customer's fan token.

/** The script tag for this Fanfare host (`window.location.origin`) and the brand's publishable key. */
export function embedSnippet(origin: string, publishableKey: string): string {
  return `<script src="${origin}/widget.js" data-publishable-key="${publishableKey}" async></script>`;
}

/** Run once the script has loaded, with the token the shop's backend signed for the customer. */
export const INIT_SNIPPET = 'Fanfare.init({ fanToken });';

/**
 * How a shop's backend (Node, with the `jose` package) signs a fan token for its logged-in customer;
 * the same as the README's "Minting a fan token". `kid` is the active secret's key ID when there is one.
 */
export function mintSnippet(kid: string | null): string {
  return [
    "import { SignJWT } from 'jose';",
    '',
    '// FANFARE_WIDGET_SECRET: the signing secret, shown once when it was created.',
    'export function fanfareToken(customer) {',
    '  return new SignJWT({ name: customer.firstName, email: customer.email })',
    `    .setProtectedHeader({ alg: 'HS256', kid: '${kid ?? 'wk_…'}' })`,
    '    .setSubject(String(customer.id))',
    '    .setIssuedAt()',
    "    .setExpirationTime('1h')",
    '    .sign(new TextEncoder().encode(process.env.FANFARE_WIDGET_SECRET));',
    '}',
  ].join('\n');
}
