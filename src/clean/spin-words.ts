// Words the spin detector treats apart.

/** Closed-class words: spinners leave them alone, and the pairs they form are the most regular. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but if of to in on at by for with from as into onto over under about after before between during ' +
    'against without within through than then that this these those there here it its is are was were be been being ' +
    'has have had do does did will would shall should can could may might must not no nor so such very also just only ' +
    'he she they we you i him her them us our your his their who whom whose which what when where why how all any both ' +
    'each few more most other some own same too up down out off again further once said says say its it\'s').split(' '),
);

