// C0 and C1 controls other than tab and line breaks, and the bidirectional overrides that can make text read
// differently from what it is. Zero-width joiners stay: emoji need them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE_CHARACTERS.lastIndex = 0;
  return UNSAFE_CHARACTERS.test(text);
}

/** Shows each unsafe character as `replacement`, for output channels that would act on them. */
export function replaceUnsafeCharacters(text: string, replacement: string): string {
  return text.replace(UNSAFE_CHARACTERS, replacement);
}
