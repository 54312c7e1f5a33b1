/** The app's entry: registers `<bmi-app>`, which loads the data and, after the first paint, TensorFlow.js. */
import './ui/bmi-app.ts';
import { registerServiceWorker } from './app/service-worker.ts';

const notice = document.querySelector('update-notice');
if (notice) registerServiceWorker(notice);
