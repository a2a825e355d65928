/**
 * Background jobs: the Quartz scheduler with its persistent job store in the Leadhouse database,
 * named worker threads, and a job factory that hands each job its collaborators.
 */
package io.leadhouse.jobs;
