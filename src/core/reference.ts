/** The public reference of an incident, short enough to say on the phone to the police. */
export function incidentReference(id: number): string {
  return `SW-${id}`;
}
