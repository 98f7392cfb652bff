// Keeps each note's copy at its reference right for the reader's width (src/essay/margin-notes.ts).
// Without it a wide screen's margin notes are read where they stand, as well as in the notes list.
import { MARGIN_NOTES_QUERY, placeNote } from '../margin-notes.ts';

const wide = matchMedia(MARGIN_NOTES_QUERY);
const place = (): void => {
  for (const note of document.querySelectorAll<HTMLElement>('.sidenote')) placeNote(note, wide.matches);
};
place();
wide.addEventListener('change', place);
