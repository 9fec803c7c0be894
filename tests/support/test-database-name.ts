/** Tests create and drop databases: refuse to point them at anything not plainly meant for tests. */
export function assertTestDatabaseUrl(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/test/i.test(name)) {
    throw new Error(
      `TEST_DATABASE_URL must name a test database (its name must contain "test"), not "${name}".`,
    );
  }
}
