// Object names and labels. Every object is named after its compose service, so the host names the
// services already use (postgres://…@db:5432) resolve to the Kubernetes Service of the same name.
const MAX = 63;

/** An RFC 1123 label: lowercase alphanumerics and '-', starting and ending alphanumeric. */
export function k8sName(name: string): string {
  const n = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX).replace(/-+$/, '');
  return n || 'x';
}

export function selectorLabels(project: string, service: string): Record<string, string> {
  return { 'app.kubernetes.io/name': k8sName(service), 'app.kubernetes.io/part-of': k8sName(project) };
}

export function labels(project: string, service: string): Record<string, string> {
  return { ...selectorLabels(project, service), 'app.kubernetes.io/managed-by': 'foxdev' };
}
