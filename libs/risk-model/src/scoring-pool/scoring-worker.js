'use strict';
/*
 * Entry of a scoring-pool worker thread (see scoring-pool.ts). The project runs from its
 * TypeScript sources: a thread started by a process launched with `-r @swc-node/register`
 * inherits the loader; one started under Jest (whose transform does not reach worker threads)
 * registers it here.
 */
if (!require.extensions['.ts']) require('@swc-node/register');
module.exports = require('./scoring-task.ts');
