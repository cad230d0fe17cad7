/** `chartlint --help`. */
export const HELP = `chartlint — lint Helm charts: render every environment, check, report.

Usage:
  chartlint [lint] [paths…] [flags]        lint every chart below the paths (default: .)
  chartlint template [NAME] CHART [flags]  print the rendered chart as helm template does

Environments:
  -c, --config FILE          configuration file (default: nearest .chartlint.yaml)
  -e, --env NAME             lint only this environment (repeatable)
      --ci-values            lint each ci/*-values.yaml as an environment
  -f, --values FILE          values file of an ad-hoc environment (repeatable)
      --set, --set-string, --set-file, --set-json, --set-literal KEY=VALUE
      --kube-version V       target Kubernetes version
  -a, --api-versions LIST    extra .Capabilities.APIVersions
  -n, --namespace NS         release namespace
      --release-name NAME    release name
      --renderer helm|embedded

Output:
      --format text|json     report format (default text)
  -o, --output FILE          write the report to FILE
      --fail-on LEVEL        error | warning | note (default error)
      --max-warnings N       fail when more than N warnings
      --show-suppressed      list suppressed findings
      --no-color             no colour

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/configuration/load error.
`;

/** `chartlint template --help`. */
export const TEMPLATE_HELP = `Usage: chartlint template [NAME] CHART [flags]

Prints the rendered chart exactly as helm template does. Flags: -f/--values, --set, --set-string, --set-file,
--set-json, --set-literal, -n/--namespace, --kube-version, -a/--api-versions, --include-crds, --skip-crds,
--no-hooks, --skip-tests, -s/--show-only, --is-upgrade, --skip-schema-validation, --renderer helm|embedded.
`;
