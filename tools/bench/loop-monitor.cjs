// Preloaded into the server by the benchmark (node --require): measures the event
// loop's delay with perf_hooks and, on SIGUSR2, writes the histogram since the
// previous signal to $BENCH_LOOP_FILE (JSON, milliseconds) and starts a new one.
// Production code knows nothing of it.
'use strict';
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_LOOP_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  process.on('SIGUSR2', () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    writeFileSync(
      file,
      JSON.stringify({
        stamp: Date.now() + Math.random(),
        p50: ms(h.percentile(50)),
        p99: ms(h.percentile(99)),
        max: ms(h.max),
        mean: ms(h.mean),
        samples: h.count,
      }),
    );
    h.reset();
  });
}
