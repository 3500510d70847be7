def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('sailplan:render wrote nothing: 1 finding at or above error:')
assert log.contains('(ServiceAccount payments/Api_Client) metadata.name:')
assert !new File(basedir, 'target/sailplan').exists() : 'nothing is written on an Error'
return true
