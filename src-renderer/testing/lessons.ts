/** The built-in lessons' text, for tests (the same files the web host bundles). */
export const LESSON_TEXTS = import.meta.glob<string>('../../resources/lessons/*.l7.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function lessonText(id: string): string {
  const text = LESSON_TEXTS[`../../resources/lessons/${id}.l7.json`];
  if (text === undefined) throw new Error(`no lesson ${id}`);
  return text;
}
