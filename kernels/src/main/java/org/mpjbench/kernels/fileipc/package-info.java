/**
 * Inter-process communication through a shared file as an MPJ kernel: a writer appends
 * checksummed records to a file in a folder every rank sees and readers follow it as it grows
 * (in ping-pong mode one reader answers each record through a second file), beside an MPI
 * ping-pong of the same size measured in the same run: how slow is passing data through a shared
 * (NFS) home compared with MPI messages? The pure parts (the record layout {@link
 * org.mpjbench.kernels.fileipc.RecordCodec}, a reader's account {@link
 * org.mpjbench.kernels.fileipc.ReaderLog}, the checker {@link
 * org.mpjbench.kernels.fileipc.FileIpcCheck}, the percentiles {@link
 * org.mpjbench.kernels.spi.Latencies}) are separate from the files' handling and the MPI
 * program ({@link org.mpjbench.kernels.fileipc.FileIpcKernel}).
 */
package org.mpjbench.kernels.fileipc;
