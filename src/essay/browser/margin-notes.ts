// Keeps each note's copy at its reference right for the reader's width (src/essay/margin-notes.ts).
// Without it a wide screen's margin notes are read where they stand, as well as in the notes list.
import { MARGIN_NOTES_QUERY, placeNote } from '../margin-notes.ts';

const wide = matchMedia(MARGIN_NOTES_QUERY);
const notes = [...document.querySelectorAll<HTMLElement>('.sidenote')];
// A preview opened on a phone stays one (essay.css) when the window widens, until it is closed.
const place = (note: HTMLElement): void => placeNote(note, wide.matches && !note.matches(':popover-open'));
const placeAll = (): void => notes.forEach(place);
placeAll();
wide.addEventListener('change', placeAll);
for (const note of notes) note.addEventListener('toggle', () => place(note));
