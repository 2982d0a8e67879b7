/** A person as a choice in a list of advocates: "Name · Title" (their title tells marketing who they are). */
export function advocateLabel(person: { name: string; title: string | null }) {
  return [person.name, person.title].filter(Boolean).join(" · ");
}
