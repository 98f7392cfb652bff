import Footnote from './Footnote.astro';
import EssayNotes from './EssayNotes.astro';
import EssayNote from './EssayNote.astro';
import Scenarios from './Scenarios.astro';
import Scenario from './Scenario.astro';
import ScenarioRef from './ScenarioRef.astro';
import Figure from './Figure.astro';
import FigureRef from './FigureRef.astro';

/**
 * The components an essay can use without importing them, passed to `<Content>`.
 * EssayNotes and EssayNote are added by the essay-structure plugin, not by authors.
 */
export const essayComponents = { Footnote, EssayNotes, EssayNote, Scenarios, Scenario, ScenarioRef, Figure, FigureRef };
