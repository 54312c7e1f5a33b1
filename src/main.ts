/** The app's entry: registers `<bmi-app>`, which loads the data and, after the first paint, TensorFlow.js. */
import './ui/bmi-app.ts';
