/** The public reference of an incident, short enough to say on the phone to the police. */
export function incidentReference(id: number): string {
  return `SW-${id}`;
}

// SW-12, sw12, SW 12 or just 12: people copy references from chat and say them on the phone.
const REFERENCE = /^(?:sw[\s-]?)?0*(\d{1,15})$/i;

/** The incident id a typed reference names, or undefined when it is not one. */
export function parseIncidentReference(text: string): number | undefined {
  const match = REFERENCE.exec(text.trim());
  const id = Number(match?.[1]);
  return match && Number.isSafeInteger(id) && id >= 1 ? id : undefined;
}
