'use strict';
// Child-process helpers for the e2e harness: run to completion with a deadline, wait for a line
// of output, and stop a whole process tree (code-server leaves extension hosts running for hours
// if only its main process is killed).
const { spawn } = require('child_process');

// Process groups started here and not yet stopped. Each child leads its own group (detached), so
// a Ctrl-C of the harness would not reach it: the signal handler below stops them instead.
const live = new Set();
const cleanups = new Set();
let handlersInstalled = false;

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      for (const pid of live) signalGroup(pid, 'SIGKILL');
      // Deferred so that the other handlers (playwright's kills Chromium) run before the
      // clean-ups delete folders those processes may still write to.
      setImmediate(() => {
        for (const fn of cleanups) {
          try {
            fn();
          } catch (err) {
            console.error(`e2e: clean-up after ${signal} failed: ${err.message}`);
          }
        }
        process.exit(130);
      });
    });
  }
}

/** Registers a synchronous clean-up to run if the harness is interrupted; returns its remover. */
function onInterrupt(fn) {
  installHandlers();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** spawn() in a new process group that killTree() or an interrupt of the harness stops. */
function spawnGroup(cmd, args, options) {
  installHandlers();
  const child = spawn(cmd, args, { ...options, detached: true });
  if (child.pid) live.add(child.pid);
  return child;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is already gone
  }
}

/**
 * Runs a command to completion, echoing its output with a prefix. Resolves with the exit code
 * (or 'timeout') and the combined output; never rejects on a non-zero exit.
 */
function run(cmd, args, { env, cwd, timeoutMs = 120000, prefix = '', quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (!quiet) process.stdout.write(indent(text, prefix));
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      await killTree(child.pid); // whatever it left behind, e.g. a language server that did not exit
      resolve({ code: timedOut ? 'timeout' : (code ?? signal), output });
    });
  });
}

function indent(text, prefix) {
  if (!prefix) return text;
  return text.replace(/^(?=.)/gm, prefix);
}

/**
 * Resolves with the first match of `pattern` in the child's stdout/stderr, or rejects when the
 * child exits or the deadline passes first.
 */
function waitForOutput(child, pattern, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) done(null, m);
    };
    const onExit = (code) => done(new Error(`${what}: process exited (${code}) before ready`));
    const timer = setTimeout(() => done(new Error(`${what}: not ready after ${timeoutMs} ms`)), timeoutMs);
    function done(err, m) {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(m);
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', onExit);
  });
}

/**
 * Stops a process group from spawnGroup() (its descendants stay in it): SIGTERM, then SIGKILL
 * for whatever is left after a grace period.
 */
async function killTree(pid, graceMs = 3000) {
  if (!pid) return;
  try {
    if (!signalGroup(pid, 'SIGTERM')) return;
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline) {
      if (!signalGroup(pid, 0)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    signalGroup(pid, 'SIGKILL');
  } finally {
    live.delete(pid);
  }
}

module.exports = { spawnGroup, run, waitForOutput, killTree, onInterrupt };
