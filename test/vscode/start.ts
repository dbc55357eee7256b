/**
 * `npm start`: the extension in a real VS Code, in the browser. Starts the VS Code server bundled in
 * npm `code-server` (installed on first use into .vscode-test/, like the tests) with the repository
 * installed as an extension (a symlink in the server's extensions folder, so the built `out/` is what
 * runs) and a copy of test/examples/ as the folder, prints the address and runs until Ctrl-C, which
 * stops the server with everything it started and removes the temporary folder.
 *
 * Usage: node out/test/vscode/start.js   (PORT=8080 picks the port; any free one by default)
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_DIR, REPO_ROOT } from './codeServer';
import { ensureHarness } from './install';
import { killGroup, startServer, stopServer, type StartedServer } from './workbench';

async function main(): Promise<void> {
  const paths = await ensureHarness(CACHE_DIR);
  const tmp = mkdtempSync(join(tmpdir(), 'sipls-start-'));
  const examples = join(tmp, 'examples');
  cpSync(join(REPO_ROOT, 'test', 'examples'), examples, { recursive: true });

  let started: StartedServer | undefined;
  let starting: Promise<StartedServer> | undefined;
  let stopping = false;
  const cleanUp = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    // A Ctrl-C while the server is still starting waits for it, so that it can be stopped too.
    const server = started ?? await starting?.catch(() => undefined);
    if (server) await stopServer(server.server);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    process.exit(code);
  };
  process.on('SIGINT', () => { process.stdout.write('\nstopping the VS Code server\n'); void cleanUp(0); });
  process.on('SIGTERM', () => { void cleanUp(0); });
  process.on('exit', () => { if (started) killGroup(started.server, 'SIGKILL'); });

  try {
    starting = startServer(paths, tmp, {
      port: Number(process.env.PORT ?? 0),
      installed: [REPO_ROOT],
      defaultFolder: examples,
    });
    started = await starting;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    await cleanUp(1);
    return;
  }
  if (stopping) return;
  const server = started;
  server.server.on('exit', (code) => {
    if (stopping) return;
    process.stderr.write(`the VS Code server stopped (${code}):\n${server.log().slice(-2000)}\n`);
    void cleanUp(1);
  });
  process.stdout.write([
    '',
    `sipls in VS Code: http://127.0.0.1:${server.port}/`,
    `  folder: ${examples} (a copy of test/examples/; open invite.sip, broken.sip or a trace)`,
    '  Ctrl-C stops the server and removes the copy.',
    '',
  ].join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(2);
});
