/** User Timing marks the app sets, seen in browser dev tools and read by the bench. */
export const READY_MARK = 'bmi-predictor:ready-to-train';
