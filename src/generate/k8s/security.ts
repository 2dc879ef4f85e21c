// The restricted Pod Security Standard, applied to every pod and container foxdev writes: no root,
// no privilege escalation, no capabilities, the runtime's seccomp profile, and a read-only root
// filesystem unless the image is known to need a writable one.
export function podSecurityContext(uid?: number): Record<string, unknown> {
  return {
    runAsNonRoot: true,
    // Only when known: images built from foxdev's Dockerfiles declare a numeric USER themselves.
    ...(uid !== undefined ? { runAsUser: uid, runAsGroup: uid, fsGroup: uid } : {}),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

export function containerSecurityContext(readOnlyRoot: boolean, uid?: number): Record<string, unknown> {
  return {
    runAsNonRoot: true,
    ...(uid !== undefined ? { runAsUser: uid } : {}),
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: readOnlyRoot,
    capabilities: { drop: ['ALL'] },
  };
}
