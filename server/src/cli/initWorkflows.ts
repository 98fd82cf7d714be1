// @spec specthread-core#17.4
/**
 * The CI workflows `specthread init` prints or writes. On a pull or merge request they report
 * only what the change caused (`--changed-since` the target branch, which needs the full history,
 * hence the fetch depth); on the main branch, everything. GitHub gets annotations on the changed
 * lines (`--format github`), GitLab a Code Quality report for the merge request widget.
 */
export const WORKFLOW_FILES = { github: '.github/workflows/specthread.yml', gitlab: '.gitlab-ci.yml' } as const;

export type CiSystem = keyof typeof WORKFLOW_FILES;

const GITHUB = `name: SpecThread
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  specthread:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Check specs, code and tests
        run: npx --yes specthread check . --format github \${{ github.event_name == 'pull_request' && format('--changed-since origin/{0}', github.base_ref) || '' }}
      - name: Coverage
        run: npx --yes specthread coverage .
`;

const GITLAB = `specthread:
  image: node:20
  variables:
    GIT_DEPTH: 0
  script:
    - |
      if [ -n "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" ]; then
        git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
        npx --yes specthread check . --format gitlab --output gl-code-quality-report.json --format text --changed-since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
      else
        npx --yes specthread check . --format gitlab --output gl-code-quality-report.json --format text
      fi
    - npx --yes specthread coverage .
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
`;

export const WORKFLOWS: Record<CiSystem, string> = { github: GITHUB, gitlab: GITLAB };
