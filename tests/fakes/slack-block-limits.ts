// Slack's documented limits: a message of more than 50 blocks, or a section whose text (or a field's) is over
// 3,000 characters, is refused with `invalid_blocks`.
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;

type Block = { type?: string; text?: { text?: string }; fields?: { text?: string }[] };

/** Why Slack would refuse these blocks, if it would. */
export function blocksProblem(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  if (blocks.length > MAX_BLOCKS) return `more than ${MAX_BLOCKS} blocks`;
  for (const block of blocks as Block[]) {
    if (block.type !== 'section') continue;
    const texts = [block.text?.text, ...(block.fields ?? []).map((field) => field.text)];
    if (texts.some((text) => (text?.length ?? 0) > MAX_SECTION_TEXT))
      return `a section text over ${MAX_SECTION_TEXT} characters`;
  }
  return undefined;
}
