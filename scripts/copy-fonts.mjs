// Copies the report font (Noto Sans SC, SIL Open Font License) from its npm package into
// resources/fonts (run by `prepare`; the folder is generated and not committed). The PDF report
// embeds a subset of it; nothing is downloaded at run time.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'resources', 'fonts');
const require = createRequire(import.meta.url);

let packageDir;
try {
  packageDir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
} catch {
  console.warn('copy-fonts: @expo-google-fonts/noto-sans-sc is not installed (production install?): PDF reports will be unavailable');
  process.exit(0);
}

const files = [
  ['400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
  ['700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
];
mkdirSync(target, { recursive: true });
for (const [from, to] of files) {
  const source = join(packageDir, from);
  const destination = join(target, to);
  if (existsSync(destination) && statSync(destination).size === statSync(source).size) continue;
  copyFileSync(source, destination);
}
const licence = ['LICENSE_FONT', 'OFL.txt'].map((name) => join(packageDir, name)).find((path) => existsSync(path));
const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
writeFileSync(
  join(target, 'README.txt'),
  `Noto Sans SC (Regular, Bold), copied from @expo-google-fonts/noto-sans-sc ${version} by scripts/copy-fonts.mjs.\n` +
    'Licensed under the SIL Open Font License 1.1 (see OFL.txt). Generated: not committed.\n',
);
if (licence !== undefined) copyFileSync(licence, join(target, 'OFL.txt'));
