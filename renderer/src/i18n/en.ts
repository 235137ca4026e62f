// English messages: the source of truth for the message keys (zh-CN.ts must match them).
// vue-i18n gives `{`, `}`, `|` and `@` special meaning: avoid them in plain text.
const en = {
  app: {
    name: 'KubeLab',
    cluster: 'Cluster: {name}',
    switchLanguage: 'Switch the language to {language}',
  },
  panes: {
    lessons: 'Lessons',
    terminal: 'Terminal',
    dashboard: 'Cluster',
    resize: 'Resize {before} and {after}',
  },
  lessons: {
    loading: 'Loading lessons…',
    error: 'Could not load the lessons: {message}',
    empty: 'No lessons are installed.',
    minutes: '{n} min',
    steps: 'no steps | {n} step | {n} steps',
    showSteps: 'Show the steps',
    hideSteps: 'Hide the steps',
  },
  terminal: {
    label: 'Shell terminal',
    connecting: 'Connecting…',
    connected: 'Connected',
    ended: 'Session ended',
    endedWithCode: 'Session ended (exit code {code})',
    newSession: 'New session',
  },
  dashboard: {
    connecting: 'Connecting to the cluster…',
    disconnected: 'Lost the connection to the cluster ({message}). Retrying…',
    unauthorized: 'Not authorized: open KubeLab with the link that “kubelab serve” printed.',
    controlPlane: 'Control plane',
    worker: 'Worker',
    node: 'Node {name}',
    ready: 'Ready',
    notReady: 'Not ready',
    readyUnknown: 'Status unknown',
    components: 'Control-plane components',
    agents: 'Node agents',
    containerRuntime: 'container runtime',
    pods: 'Pods',
    noPods: 'No pods',
    unscheduled: 'Unscheduled pods',
    noUnscheduled: 'None: every pod has a node.',
    noNodes: 'The cluster has no nodes yet.',
    legend: 'Pod phases',
    component: '{name}: {health}',
    pod: '{pod}: {phase}',
  },
  health: {
    ok: 'healthy',
    starting: 'starting',
    down: 'down',
    absent: 'not found',
  },
  phase: {
    Pending: 'Pending',
    Running: 'Running',
    Succeeded: 'Succeeded',
    Failed: 'Failed',
    Unknown: 'Unknown',
    Terminating: 'Terminating',
  },
};

export type MessageSchema = typeof en;
export default en;
