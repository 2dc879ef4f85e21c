// A PersistentVolumeClaim per named volume a generated service mounts. ReadWriteOnce, the mode
// every storage class offers; that is also why services holding one do not scale.
import { k8sName, labels } from './names.js';
import type { K8sObject } from './types.js';

export function pvc(project: string, namespace: string, key: string, size: string): K8sObject {
  const l = labels(project, key);
  delete l['app.kubernetes.io/name'];
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: k8sName(key), namespace, labels: { ...l, 'app.kubernetes.io/component': 'volume' } },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } },
  };
}
