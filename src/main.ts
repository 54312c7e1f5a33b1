/**
 * The app's entry: registers `<bmi-app>`, which loads the data and, after the first paint, TensorFlow.js,
 * and `<update-notice>`, which registers the service worker for offline use and announces updates.
 */
import './ui/bmi-app.ts';
import './ui/update-notice.ts';
