// An essay page's reading aids in one script, one request: the contents kept in step with
// the reader, and each note's copy at its reference right for the reader's width. Each does
// nothing on a page without its part (an essay with no headings, or no notes). One file
// rather than one per component, so an essay page's JavaScript stays within its 1 KB
// (tests/build/pages.test.ts).
import './toc-current.ts';
import '../../essay/browser/margin-notes.ts';
