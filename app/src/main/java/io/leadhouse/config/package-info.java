/**
 * Typed settings: declarations ({@link io.leadhouse.config.Setting}), the loader that merges
 * command line, environment, config.yml and defaults, and the validated result.
 */
package io.leadhouse.config;
