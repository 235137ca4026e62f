/** The text of the bundled shell's `help`. */

/** What `help` prints: the builtins and kubectl, grouped as a student looks for them. */
export const HELP = `KubeLab shell — a bash-like shell for the simulated cluster.
Your files live in this cluster's workspace: / (and ~) is its top folder.

Kubernetes
  kubectl COMMAND ...    get, describe, create, apply, delete, replace, patch, label, annotate,
                         scale, run, expose, set image, rollout, cordon, uncordon, taint, logs,
                         wait, api-resources, api-versions, cluster-info, version, config,
                         auth can-i, explain — with kubectl's flags and output
  k ...                  the same as kubectl (an alias: see "alias")

Files in the workspace
  ls [-l -a] [DIR]       list files               cd [DIR], pwd          change, show the folder
  cat FILE...            print files              mkdir [-p] DIR         make a folder
  cp [-r] FROM TO        copy                     mv FROM TO             move or rename
  rm [-r -f] FILE...     remove                   touch FILE             make an empty file
  vi, vim, nano FILE     edit a file

Text, on files or after a pipe (kubectl get pods | grep web)
  grep [-i -v -c -n -E] PATTERN     head, tail [-n N]      wc [-l -w -c]     sort [-r -n -k N]
  uniq [-c]     cut -d SEP -f LIST     awk [-F SEP] '{print $1}'     sed 's/old/new/g'
  tr SET1 SET2     base64 [-d]     xargs COMMAND

Nodes and the lab
  ssh NODE               log in to a node as root: systemctl, journalctl, crictl, kubeadm,
                         static pods in /etc/kubernetes/manifests ("exit" comes back);
                         ssh NODE COMMAND runs one command there
  lab [check|hint|next|reset|list|start ID]     the lesson under way
  cluster status | clock pause|resume|speed X|step D | node stop|start NODE |
          component stop|start NAME | fault ...   the lab's clock and faults

The shell
  echo, export NAME=VALUE, alias NAME=TEXT, unalias NAME, history (!!, Ctrl-R, arrows),
  clear, sleep SECONDS, watch [-n SECONDS] COMMAND (Ctrl-C ends it), true, false, help,
  exit (or Ctrl-D)
  ;  &&  ||  |  >  >>  <  2>&1  $VAR  $(COMMAND)  *.yaml  for/while/if, and here-documents:
      cat <<EOF > pod.yaml
      ...
      EOF
  Tab completes commands, kubectl words, object names and file names.

The real kubectl also works here: it reads the same kubeconfig.
`;
