import { Badge, type MantineColorsTuple, createTheme } from '@mantine/core';

// Brass orange, the colour of a fanfare's trumpets; shade 7 keeps white text above 4.5:1 contrast.
const fanfare: MantineColorsTuple = [
  '#fff4ed',
  '#ffe6d5',
  '#fecaaa',
  '#fdac74',
  '#fb8a3c',
  '#f97316',
  '#ea580c',
  '#c2410c',
  '#9a3412',
  '#7c2d12',
];

export const theme = createTheme({
  primaryColor: 'fanfare',
  primaryShade: 7,
  colors: { fanfare },
  focusRing: 'auto',
  defaultRadius: 'md',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  cursorType: 'pointer',
  components: {
    // Badges hold short words (status, scope, role): never squeeze them into an ellipsis in tables.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
  },
});
