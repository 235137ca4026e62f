/**
 * `ssh [user@]NODE [COMMAND...]` in the bundled shell: logs in to a node of the lab (by name or
 * address) as root. Without a command the session's next lines run on the node until `exit`
 * (the front end shows the node's prompt); with one, the command runs there and ssh returns its
 * status, as OpenSSH does. Errors are OpenSSH's, with its exit status 255.
 */
import type { Builtin } from '../builtins';
import { NodeApiError, type NodeClient, type NodeInfo } from './client';

/** OpenSSH's options that take a value. */
const VALUE_OPTIONS = 'BbcDEeFIiJLlmOoPpRSWw';

const USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
           [-J destination] [-L address] [-l login_name] [-m mac_spec]
           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
           destination [command [argument ...]]
`;

/** The login banner of a node (Debian's motd) and a line saying where the student is. */
export function banner(n: NodeInfo): string {
  return `Linux ${n.name} ${n.kernel} #1 SMP PREEMPT_DYNAMIC Debian 6.1.129-1 (2025-03-06) x86_64

The programs included with the Debian GNU/Linux system are free software;
the exact distribution terms for each program are described in the
individual files in /usr/share/doc/*/copyright.

Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent
permitted by applicable law.
(KubeLab: you are root on ${n.controlPlane ? 'the control-plane node' : 'the node'} ${n.name}. Type "help" for what runs here, "exit" to go back.)
`;
}

/** What ssh needs from the engine. */
export interface SshHost {
  client: NodeClient;
  /** Runs a command line in a new shell on the node; resolves with its status. */
  runOn(node: NodeInfo, line: string, ctx: Parameters<Builtin>[0]): Promise<number>;
  /** Makes the session's next lines run on the node. */
  enter(node: NodeInfo): void;
}

/** The `ssh` builtin. */
export function sshBuiltin(host: SshHost): Builtin {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    let login: string | undefined;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (!VALUE_OPTIONS.includes(c)) continue;
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) {
          ctx.err.write(`option requires an argument -- ${c}\n${USAGE}`);
          return 255;
        }
        if (c === 'l') login = value;
        break;
      }
    }
    const destination = args[i];
    if (destination === undefined) {
      ctx.err.write(USAGE);
      return 255;
    }
    const at = destination.lastIndexOf('@');
    const user = at >= 0 ? destination.slice(0, at) : (login ?? 'root');
    const hostName = at >= 0 ? destination.slice(at + 1) : destination;
    let nodes: NodeInfo[];
    try {
      nodes = await host.client.nodes();
    } catch (e) {
      ctx.err.write(`ssh: connect to host ${hostName} port 22: ${e instanceof NodeApiError ? e.message : (e as Error).message}\n`);
      return 255;
    }
    const node = nodes.find((n) => n.name === hostName || n.internalIP === hostName);
    if (!node) {
      ctx.err.write(`ssh: Could not resolve hostname ${hostName}: Name or service not known\n`);
      return 255;
    }
    if (user !== 'root') {
      ctx.err.write(`${user}@${hostName}: Permission denied (publickey).\n`);
      return 255;
    }
    const command = args.slice(i + 1);
    if (command.length > 0) return host.runOn(node, command.join(' '), ctx);
    ctx.out.write(banner(node));
    host.enter(node);
    return 0;
  };
}
