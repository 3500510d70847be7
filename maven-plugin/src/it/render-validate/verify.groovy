def rendered = new File(basedir, 'rendered')
def stream = new File(rendered, 'manifests.yaml').getText('UTF-8')
assert stream.startsWith('apiVersion: networking.istio.io/v1\nkind: DestinationRule\n')
assert stream.contains('---\napiVersion: networking.istio.io/v1\nkind: VirtualService\n')
assert !new File(rendered, 'default/stale.yaml').exists() : 'the stale file of the earlier run is deleted'
assert new File(rendered, 'notes.txt').exists() : 'a file the plugin did not write stays'
assert new File(rendered, '.sailplan-render').getText('UTF-8') == 'manifests.yaml\n'

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[WARNING] Warning [SP3003] (VirtualService default/ratings src/main/k8s/ratings.yaml:1) apiVersion:')
assert !log.contains('VirtualService legacy/details') : 'the <suppress> rule drops it'
assert log.contains('sailplan:validate: 2 documents, 1 finding')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/sailplan/findings.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.size() == 1
def result = sarif.runs[0].results[0]
assert result.ruleId == 'SP3003'
assert result.level == 'warning'
assert result.locations[0].physicalLocation.artifactLocation.uri == 'src/main/k8s/ratings.yaml'
assert result.locations[0].physicalLocation.region.startLine == 1
def rule = sarif.runs[0].tool.driver.rules.find { it.id == result.ruleId }
assert rule.helpUri == 'https://sailplan.dev/docs/rules/SP3003'
def plan = new File(basedir, 'target/sailplan/plans/reviews')
def index = new File(plan, 'plan.yaml').getText('UTF-8')
assert index.startsWith('plan: reviews\n')
assert index.indexOf('kind: DestinationRule') < index.indexOf('kind: VirtualService')
assert new File(plan, 'apply.sh').exists()
assert log.contains('Planned 2 stages into target/sailplan/plans/reviews')
return true
