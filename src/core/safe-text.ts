// C0 and C1 controls other than tab and line breaks, and the bidirectional overrides that can make text read
// differently from what it is. Zero-width joiners stay: emoji need them.
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_CHARACTERS.test(text);
}
