/**
 * A throwaway PostgreSQL 15 server for tests: initdb in a temp dir, logical decoding enabled,
 * 127.0.0.1 only on a free port, unix socket inside the temp dir. When the tests run as root
 * (CI containers), the server runs as the `postgres` OS user (initdb refuses root).
 */
import { execFileSync } from "child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { createServer } from "net";
import { tmpdir } from "os";
import * as path from "path";

export interface PgServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  readonly dataDir: string;
  stop(): void;
}

/**
 * Where the PostgreSQL binaries are: $PG_BIN, then the Debian/Ubuntu path of version 15 (the version
 * Aurora runs here), then any newer major version installed (GitHub's Ubuntu runners ship 16).
 */
export function findPgBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  const installed = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && Number(v) >= 15)
        .sort((a, b) => Number(a) - Number(b))
        .map((v) => path.join(root, v, "bin"))
    : [];
  const candidates = [process.env.PG_BIN, ...installed].filter((c): c is string => Boolean(c));
  return candidates.find((c) => existsSync(path.join(c, "initdb")) && existsSync(path.join(c, "pg_ctl")));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function osUserIds(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", user]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", user]).toString().trim());
  return { uid, gid };
}

export async function startPostgres(): Promise<PgServer> {
  const bin = findPgBin();
  if (!bin) {
    throw new Error(
      "PostgreSQL 15 binaries not found: install postgresql-15 (apt-get install -y postgresql-15) or set PG_BIN to the directory holding initdb and pg_ctl",
    );
  }
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const root = mkdtempSync(path.join(tmpdir(), "pgtest-"));
  if (asRoot) {
    const { uid, gid } = osUserIds("postgres");
    chownSync(root, uid, gid);
  }
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
    execFileSync(file, argv, { stdio: "pipe", timeout: 30000 });
  };
  const dataDir = path.join(root, "data");
  const port = await freePort();
  let started = false;
  const stop = (): void => {
    try {
      if (started) run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped
    } finally {
      started = false;
      rmSync(root, { recursive: true, force: true });
    }
  };
  try {
    run(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const options = [
      `-c port=${port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${root}`,
      "-c wal_level=logical",
      "-c max_replication_slots=4",
      "-c max_wal_senders=4",
      "-c fsync=off",
      "-c full_page_writes=off",
    ].join(" ");
    run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-l", path.join(root, "postgres.log"), "-o", options, "-w", "-t", "30", "start"]);
    started = true;
  } catch (err) {
    stop();
    throw err;
  }
  return { host: "127.0.0.1", port, user: "postgres", database: "postgres", dataDir, stop };
}
