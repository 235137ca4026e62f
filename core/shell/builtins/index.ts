/** Every builtin of the bundled shell, by name (kubectl comes from the engine, which holds its transport). */
import { awk } from './awk';
import type { Builtin, CommandContext } from './context';
import { cat, cd, cp, mkdir, mv, pwd, rm, touch } from './files';
import { grep } from './grep';
import { ls } from './ls';
import { sleep, watch, xargs } from './repeat';
import { sed } from './sed';
import { alias, clear, echo, edit, exit, exportVars, falseCmd, history, trueCmd, unalias, unset } from './session';
import { cut, head, tail, uniq, wc } from './text';
import { base64, sort, tr } from './transform';
import { HELP } from '../help';

export type { Builtin, CommandContext } from './context';

async function help(ctx: CommandContext): Promise<number> {
  ctx.out.write(HELP);
  return 0;
}

/** The builtins, with `kubectl` as given. */
export function builtins(kubectl: Builtin): Record<string, Builtin> {
  return {
    kubectl,
    help,
    ls,
    cd,
    pwd,
    cat,
    mkdir,
    rm,
    cp,
    mv,
    touch,
    echo,
    grep,
    head,
    tail,
    wc,
    sort,
    uniq,
    cut,
    awk,
    sed,
    tr,
    base64,
    xargs,
    watch,
    sleep,
    export: exportVars,
    unset,
    alias,
    unalias,
    history,
    clear,
    exit,
    logout: exit,
    true: trueCmd,
    false: falseCmd,
    vi: edit,
    vim: edit,
    nano: edit,
  };
}

/** The builtin names, for completion and the help (kubectl included). */
export const BUILTIN_NAMES = Object.keys(builtins(async () => 0)).sort();
