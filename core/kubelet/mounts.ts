/** The volume mounts a kubelet reports in a container's status. */
import type { Container, VolumeMountStatus } from '../api/types';

/**
 * The volume mounts of a container as the kubelet reports them (RecursiveReadOnlyMounts,
 * on since 1.31): each mount, and for a read-only one whether it is recursively read-only —
 * always `Disabled` here, as with kind's containerd 1.7, which cannot make recursive read-only
 * mounts (`IfPossible` resolves to `Disabled`).
 */
export function mountStatuses(c: Container): { volumeMounts?: VolumeMountStatus[] } {
  const mounts = Array.isArray(c['volumeMounts']) ? (c['volumeMounts'] as Record<string, unknown>[]) : [];
  if (mounts.length === 0) return {};
  return {
    volumeMounts: mounts.map((m) => {
      const s: VolumeMountStatus = { name: String(m['name'] ?? ''), mountPath: String(m['mountPath'] ?? '') };
      if (m['readOnly'] === true) {
        s.readOnly = true;
        s.recursiveReadOnly = 'Disabled';
      }
      return s;
    }),
  };
}
