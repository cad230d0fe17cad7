/**
 * Helm names templates `<chart name>/<path in chart>`, with subcharts as `<parent>/charts/<name>/<path>`
 * (helm-render-spec.md §1.3). Returns the path inside the root chart's directory, e.g.
 * `mychart/charts/redis/templates/svc.yaml` → `charts/redis/templates/svc.yaml`.
 */
export function pathInRootChart(templateName: string): string {
  const slash = templateName.indexOf('/');
  return slash < 0 ? templateName : templateName.slice(slash + 1);
}
