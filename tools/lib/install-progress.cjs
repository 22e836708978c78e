// What `npm start` says while `npm ci` runs (minutes on a first install, silent by itself):
// how many packages the lockfile installs and how many are in node_modules so far.
// CommonJS with Node built-ins only: it runs before the dependencies exist, and the tools' jest tests require it.
'use strict';
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const TOP_LEVEL = /^node_modules\/(@[^/]+\/)?[^/]+$/;

/** Packages of the lockfile that land directly in node_modules (what `installedCount` can see). */
function lockTopLevelCount(lock) {
  return Object.entries(lock.packages ?? {}).filter(([path, entry]) => TOP_LEVEL.test(path) && !(entry && entry.link)).length;
}

/** Packages in node_modules so far (scoped ones counted one by one); 0 when the folder is not there yet. */
function installedCount(nodeModules) {
  let entries;
  try {
    entries = readdirSync(nodeModules, { withFileTypes: true });
  } catch {
    return 0;
  }
  let n = 0;
  for (const e of entries) {
    if (e.name.startsWith('.') || !(e.isDirectory() || e.isSymbolicLink())) continue;
    if (e.name.startsWith('@')) {
      try {
        n += readdirSync(join(nodeModules, e.name)).filter((s) => !s.startsWith('.')).length;
      } catch {
        /* removed meanwhile */
      }
    } else n++;
  }
  return n;
}

/** "45 s", "2 min 05 s" */
function formatDuration(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Thousands with a narrow space, as French writes them: "1 204". */
function frenchNumber(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** The line printed every few seconds while npm ci runs. */
function progressLine(elapsedMs, installed, total) {
  const count =
    total > 0
      ? `${frenchNumber(Math.min(installed, total))} paquets sur ${frenchNumber(total)} en place`
      : `${frenchNumber(installed)} paquets en place`;
  return `  … installation en cours depuis ${formatDuration(elapsedMs)} : ${count}`;
}

/** What is about to happen, before npm ci starts. */
function introLines(firstInstall, total) {
  const what = `${frenchNumber(total)} paquets`;
  return firstInstall
    ? [
        `Première installation : npm télécharge et installe les ${what} dont Pointage a besoin (npm ci).`,
        "Cela prend quelques minutes selon la connexion ; l'avancement s'affiche ci-dessous, rien à faire d'ici là.",
      ]
    : [`Mise à jour des dépendances (package-lock.json a changé) : réinstallation des ${what} (npm ci, quelques minutes)…`];
}

module.exports = { lockTopLevelCount, installedCount, formatDuration, frenchNumber, progressLine, introLines };
