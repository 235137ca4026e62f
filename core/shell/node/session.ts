/**
 * A shell on a node, as `ssh NODE` opens it: root's login shell (`root@kubelab-worker:~# `)
 * with the bundled shell's interpreter and builtins over the node's own files (`/` is the
 * node's root, `~` is /root), plus the node's commands — systemctl, journalctl, crictl,
 * kubeadm, ps, df, free, ip, hostname, uname, uptime, id, whoami — which run on the node
 * through the lab API (`-f` follows), `sudo` (everyone is root here), and kubectl when a
 * kubeconfig is there (`$KUBECONFIG` or ~/.kube/config, as kubectl looks for one).
 */
import { builtins, type Builtin, type CommandContext } from '../builtins';
import { Session } from '../interp/session';
import { readAll } from '../interp/streams';
import type { ShellDeps, ShellState } from '../types';
import { NodeApiError, nodeFiles, type NodeClient, type NodeInfo, type NodeOutput } from './client';

/** The node commands the lab API runs (the rest runs in the shell). */
export const REMOTE_COMMANDS = ['systemctl', 'journalctl', 'crictl', 'kubeadm', 'kubelet', 'containerd', 'ps', 'df', 'free', 'ip', 'hostname', 'uname', 'uptime', 'id', 'whoami'];

/** What `help` prints on a node. */
export const NODE_HELP = `You are root on a node of the lab's cluster (a simulated machine).

The node
  systemctl status|start|stop|restart kubelet|containerd     the node's services
  journalctl -u kubelet [-n N] [-f]                           the kubelet's log (Ctrl-C ends -f)
  crictl ps [-a] | pods | images | logs [-f] ID | inspect ID | inspectp ID
  ls, cat, vi, rm, mv /etc/kubernetes/manifests/...           static pods: the kubelet runs what is there
  cat /etc/kubernetes/kubelet.conf, /var/lib/kubelet/config.yaml
  ps aux, df -h, free -m, ip addr, hostname, uname -a, uptime

Building a cluster (an empty cluster: kubelab cluster create NAME --empty)
  kubeadm init                      on the control-plane node: prints the join command
  kubeadm token create --print-join-command
  kubeadm join IP:6443 --token T --discovery-token-ca-cert-hash sha256:H    on a worker
  kubeadm reset -f                  undo init or join on this node

  kubectl works here once a kubeconfig is there: export KUBECONFIG=/etc/kubernetes/admin.conf
  exit (or Ctrl-D) goes back to your workstation.
`;

/** The node's prompt for a working directory. */
export function nodePrompt(node: string, cwd: string): string {
  const where = cwd === '/root' ? '~' : cwd.startsWith('/root/') ? `~${cwd.slice(5)}` : cwd;
  return `root@${node}:${where}# `;
}

/** A line the user types as an answer (kubeadm reset's question), with the terminal. */
async function askLine(ctx: CommandContext): Promise<string | undefined> {
  const exec = ctx.session.deps.exec;
  if (!exec?.stdinIsTTY) return undefined;
  return new Promise<string | undefined>((resolve) => {
    let text = '';
    const release = exec.takeStdin(false, {
      data: (t) => {
        text += t;
        const nl = text.indexOf('\n');
        if (nl >= 0) {
          release();
          resolve(text.slice(0, nl).replace(/\r$/, ''));
        }
      },
      end: () => {
        release();
        resolve(text);
      },
      interrupt: () => {
        release();
        resolve(undefined);
      },
      resize: () => undefined,
    });
  });
}

/** A node command run through the lab API; `-f` keeps asking for what came next until Ctrl-C. */
export function remoteCommand(client: NodeClient, node: string, engineStdin: () => unknown): Builtin {
  return async (ctx) => {
    const name = ctx.argv[0] as string;
    const piped = ctx.stdin !== engineStdin();
    const stdin = name === 'kubeadm' && piped ? await readAll(ctx.stdin) : '';
    const write = (r: NodeOutput) => {
      if (r.stdout) ctx.out.write(r.stdout);
      if (r.stderr) ctx.err.write(r.stderr);
    };
    let r: NodeOutput;
    try {
      r = await client.exec(node, ctx.argv, stdin, undefined, !piped && ctx.session.deps.exec?.stdinIsTTY === true);
      write(r);
      if (r.ask) {
        const answer = await askLine(ctx);
        if (answer === undefined) return 130;
        r = await client.exec(node, ctx.argv, '', undefined, false, answer);
        write(r);
      }
      while (r.cursor !== undefined && !ctx.signal.aborted) {
        if (!(await ctx.session.sleep(1000, ctx.signal))) break;
        r = await client.exec(node, ctx.argv, '', r.cursor);
        write(r);
      }
    } catch (e) {
      ctx.err.write(`${name}: ${e instanceof NodeApiError || e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    return ctx.signal.aborted ? 130 : r.exitCode;
  };
}

/** kubectl on a node: only with a kubeconfig there, as kubectl looks for one. */
function nodeKubectl(kubectl: Builtin): Builtin {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    const i = args.findIndex((a) => a === '--kubeconfig' || a.startsWith('--kubeconfig='));
    const flag = i < 0 ? undefined : args[i]?.includes('=') ? args[i]?.slice('--kubeconfig='.length) : args[i + 1];
    const path = flag ?? ctx.session.vars['KUBECONFIG']?.split(':')[0] ?? '/root/.kube/config';
    const found = path !== '' && (await ctx.session.ws.stat(path).catch(() => undefined)) === 'file';
    if (!found) {
      if (flag !== undefined || ctx.session.vars['KUBECONFIG']) {
        ctx.err.write(`error: stat ${path}: no such file or directory\n`);
        return 1;
      }
      ctx.err.write('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
      return 1;
    }
    const rest = i < 0 ? args : args.filter((_, j) => j !== i && (args[i]?.includes('=') || j !== i + 1));
    return kubectl({ ...ctx, argv: [ctx.argv[0] as string, ...rest] });
  };
}

/** `sudo CMD...`: root is root. */
const sudo: Builtin = async (ctx) => {
  const args = ctx.argv.slice(1).filter((a, i, all) => !(a.startsWith('-') && all.slice(0, i).every((b) => b.startsWith('-'))));
  if (args.length === 0) {
    ctx.err.write('usage: sudo -h | -K | -k | -V\nusage: sudo [-AbEHknPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [command [arg ...]]\n');
    return 1;
  }
  return ctx.session.runArgv(args, { stdin: ctx.stdin, out: ctx.out, err: ctx.err, signal: ctx.signal });
};

/** `chown`/`chmod`: the files are root's already; only a missing file is an error. */
const owner: Builtin = async (ctx) => {
  const files = ctx.argv.slice(2).filter((a) => !a.startsWith('-'));
  let status = 0;
  for (const f of files) {
    if ((await ctx.session.ws.stat(f).catch(() => undefined)) === undefined) {
      ctx.err.write(`${ctx.argv[0] as string}: cannot access '${f}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

/** The shell of one node. */
export class NodeShell {
  readonly session: Session;

  constructor(
    readonly node: NodeInfo,
    client: NodeClient,
    state: ShellState,
    deps: ShellDeps,
    kubectl: Builtin,
    engineStdin: () => unknown,
  ) {
    const files = nodeFiles(client, node.name, deps.files?.stdin?.bind(deps.files));
    const base = builtins(nodeKubectl(kubectl));
    const cp = base['cp'] as Builtin;
    const own: Record<string, Builtin> = {
      help: async (ctx) => {
        ctx.out.write(NODE_HELP);
        return 0;
      },
      // `cp -i` asks before overwriting: nothing to ask when the target is new (kubeadm's instructions use it).
      cp: (ctx) => cp({ ...ctx, argv: ctx.argv.filter((a, i) => i === 0 || !['-i', '--interactive'].includes(a)) }),
      sudo,
      chown: owner,
      chmod: owner,
      ssh: async (ctx) => {
        ctx.err.write(`ssh: you are on ${node.name}: type "exit" to go back to your workstation, then ssh to another node\n`);
        return 255;
      },
    };
    for (const name of REMOTE_COMMANDS) own[name] = remoteCommand(client, node.name, engineStdin);
    this.session = new Session(state, { ...deps, files }, { ...base, ...own });
    Object.assign(this.session.vars, { HOME: '/root', PWD: '/root', SHELL: '/bin/bash', USER: 'root', LOGNAME: 'root', HOSTNAME: node.name });
    this.session.exported.add('LOGNAME');
    this.session.cwd = '/root';
  }

  /** `root@NODE:~# `. */
  prompt(): string {
    return nodePrompt(this.node.name, this.session.cwd);
  }
}
