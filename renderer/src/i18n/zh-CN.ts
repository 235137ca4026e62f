// 简体中文. Kubernetes terms (Pod, Node, Running…) stay in English beside the translation,
// as in the study notes, so that students recognise them in kubectl's output.
import type { MessageSchema } from './en';

const zhCN: MessageSchema = {
  app: {
    name: 'KubeLab',
    cluster: '集群：{name}',
    switchLanguage: '将界面语言切换为 {language}',
  },
  panes: {
    lessons: '课程',
    terminal: '终端',
    dashboard: '集群',
    resize: '调整 {before} 与 {after} 的宽度',
  },
  lessons: {
    loading: '正在加载课程…',
    error: '无法加载课程：{message}',
    empty: '尚未安装任何课程。',
    minutes: '{n} 分钟',
    steps: '没有步骤 | {n} 个步骤 | {n} 个步骤',
    showSteps: '展开步骤',
    hideSteps: '收起步骤',
  },
  terminal: {
    label: 'Shell 终端',
    connecting: '正在连接…',
    connected: '已连接',
    ended: '会话已结束',
    endedWithCode: '会话已结束（退出码 {code}）',
    newSession: '新建会话',
  },
  dashboard: {
    connecting: '正在连接集群…',
    disconnected: '与集群的连接已断开（{message}），正在重试…',
    unauthorized: '未授权：请使用 “kubelab serve” 打印的链接打开 KubeLab。',
    controlPlane: '控制平面',
    worker: '工作节点',
    node: '节点 {name}',
    ready: '就绪 Ready',
    notReady: '未就绪 NotReady',
    readyUnknown: '状态未知',
    components: '控制平面组件',
    agents: '节点组件',
    containerRuntime: '容器运行时',
    pods: 'Pod',
    noPods: '没有 Pod',
    unscheduled: '未调度的 Pod',
    noUnscheduled: '无：每个 Pod 都已分配节点。',
    noNodes: '集群中还没有节点。',
    legend: 'Pod 阶段',
    component: '{name}：{health}',
    pod: '{pod}：{phase}',
  },
  health: {
    ok: '正常',
    starting: '启动中',
    down: '故障',
    absent: '未找到',
  },
  phase: {
    Pending: 'Pending 等待中',
    Running: 'Running 运行中',
    Succeeded: 'Succeeded 已成功',
    Failed: 'Failed 已失败',
    Unknown: 'Unknown 未知',
    Terminating: 'Terminating 终止中',
  },
};

export default zhCN;
