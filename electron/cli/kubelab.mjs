#!/usr/bin/env node
// The `kubelab` command: builds the app if needed, then runs out/main/cli.js in this process.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuild, root } from './ensure-build.mjs';

if (!ensureBuild()) process.exit(1);
await import(pathToFileURL(join(root, 'out', 'main', 'cli.js')).href);
