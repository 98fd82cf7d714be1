// A statement thread that dies on its first batch, so tests see the engine check every statement itself.
const { parentPort } = require('worker_threads');
parentPort.on('message', (message) => {
  if (message.type === 'check') process.exit(3);
});
