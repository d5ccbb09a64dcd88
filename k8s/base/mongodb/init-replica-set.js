// Run by the mongodb-init Job with mongosh, connected to mongodb-0 directly as the root user.
// Idempotent: initiates rs0 only when it is not initiated, creates a missing user, re-sets the
// password of an existing one (so rotating a password in the Secret and re-running the Job works).
const members = [0, 1, 2].map(i => ({ _id: i, host: `mongodb-${i}.mongodb:27017` }));

let initiated = true;
try {
  rs.status();
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') throw e;
  initiated = false;
}
if (!initiated) {
  print('initiating replica set rs0');
  rs.initiate({ _id: 'rs0', members });
}

// users are written on the primary, whichever member that is: wait for an election (up to 2
// minutes), then talk to the set as a whole
for (let i = 0; !db.adminCommand({ hello: 1 }).primary; i++) {
  if (i >= 120) throw new Error('no primary after 120 s');
  sleep(1000);
}
const hosts = members.map(m => m.host).join(',');
const user = encodeURIComponent(process.env.MONGO_ROOT_USERNAME);
const password = encodeURIComponent(process.env.MONGO_ROOT_PASSWORD);
const admin = connect(`mongodb://${user}:${password}@${hosts}/admin?replicaSet=rs0&authSource=admin`);

// one database per service (and the gateway's, for its rate-limit buckets), each with its own user
// holding readWrite on that database only
const services = {
  'gateway': 'GATEWAY_PASSWORD',
  'risk-matrix-service': 'RISK_MATRIX_SERVICE_PASSWORD',
  'programme-service': 'PROGRAMME_SERVICE_PASSWORD',
  'partner-support-service': 'PARTNER_SUPPORT_SERVICE_PASSWORD',
};
for (const [service, variable] of Object.entries(services)) {
  const pwd = process.env[variable];
  if (!pwd) throw new Error(`${variable} is not set`);
  const database = admin.getSiblingDB(service);
  const roles = [{ role: 'readWrite', db: service }];
  const options = { w: 'majority', wtimeout: 60000 };
  if (database.getUser(service)) {
    database.updateUser(service, { pwd, roles }, options);
    print(`updated user ${service}`);
  } else {
    database.createUser({ user: service, pwd, roles }, options);
    print(`created user ${service}`);
  }
}
print('mongodb-init done');
